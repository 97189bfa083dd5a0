package org.gatehouse.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: ten per set, each 12 characters of a 32-letter alphabet (60 random bits) shown
 * as {@code xxxx-xxxx-xxxx}; typed with or without dashes, in any case. Only SHA-256 hashes are
 * stored (a slow hash adds nothing to 60 random bits).
 */
public final class RecoveryCodes {

    public static final int PER_SET = 10;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    public static List<String> newSet() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < PER_SET; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(32)));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The typed form without separators, or null when it cannot be a recovery code. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String clean = typed.strip().replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return clean.length() == 12 && clean.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) ? clean : null;
    }

    static String hash(String normalized) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(normalized.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

package org.gatehouse.web.auth;

import java.util.Locale;

/**
 * Client addresses as people write them. The container reports IPv6 addresses in full
 * ({@code 0:0:0:0:0:0:0:1}); shown here in the short form of RFC 5952 ({@code ::1}): lower case,
 * no leading zeros, the longest run of zero groups as {@code ::}. Pure text work, never a lookup;
 * anything that is not an IPv6 address (IPv4, empty, garbage) comes back as it was.
 * In a page: {@code <o:importFunctions type="org.gatehouse.web.auth.IpAddress" var="ip"/>} and
 * {@code #{ip:display(s.ip)}}.
 */
public final class IpAddress {

    private static final int GROUPS = 8;

    private IpAddress() {}

    public static String display(String address) {
        if (address == null || address.indexOf(':') < 0 || address.length() > 100) {
            return address;
        }
        String bare =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zoneAt = bare.indexOf('%');
        String zone = zoneAt < 0 ? "" : bare.substring(zoneAt);
        int[] groups = groups(zoneAt < 0 ? bare : bare.substring(0, zoneAt));
        return groups == null ? address : compress(groups) + zone;
    }

    /** The eight 16-bit groups, or null when the text is not an IPv6 address. */
    static int[] groups(String text) {
        int embedded = text.lastIndexOf(':');
        String tail = text.substring(embedded + 1);
        if (tail.contains(".")) {
            // an IPv4 address in the last 32 bits, as in ::ffff:192.0.2.1
            int[] v4 = ipv4(tail);
            if (v4 == null) {
                return null;
            }
            String head = text.substring(0, embedded + 1);
            text = head + Integer.toHexString(v4[0] << 8 | v4[1]) + ":" + Integer.toHexString(v4[2] << 8 | v4[3]);
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        String[] left = gap < 0 ? text.split(":", -1) : split(text.substring(0, gap));
        String[] right = gap < 0 ? new String[0] : split(text.substring(gap + 2));
        int missing = GROUPS - left.length - right.length;
        if (gap < 0 ? missing != 0 : missing < 1) {
            return null;
        }
        int[] groups = new int[GROUPS];
        for (int i = 0; i < left.length; i++) {
            groups[i] = hex(left[i]);
        }
        for (int i = 0; i < right.length; i++) {
            groups[GROUPS - right.length + i] = hex(right[i]);
        }
        for (int group : groups) {
            if (group < 0) {
                return null;
            }
        }
        return groups;
    }

    static String compress(int[] groups) {
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < GROUPS; i++) {
            int length = 0;
            while (i + length < GROUPS && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        if (bestStart == 0 && bestLength == 5 && groups[5] == 0xffff) {
            // an IPv4-mapped address keeps its IPv4 part dotted
            return "::ffff:" + (groups[6] >> 8) + "." + (groups[6] & 0xff) + "." + (groups[7] >> 8) + "."
                    + (groups[7] & 0xff);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static String[] split(String part) {
        return part.isEmpty() ? new String[0] : part.split(":", -1);
    }

    private static int hex(String group) {
        return group.matches("[0-9a-fA-F]{1,4}") ? Integer.parseInt(group.toLowerCase(Locale.ROOT), 16) : -1;
    }

    private static int[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] bytes = new int[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("\\d{1,3}")) {
                return null;
            }
            bytes[i] = Integer.parseInt(parts[i]);
            if (bytes[i] > 255) {
                return null;
            }
        }
        return bytes;
    }
}

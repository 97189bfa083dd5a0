package org.gatehouse.service;

import static org.gatehouse.service.CsvTable.WINDOWS_1252;
import static org.gatehouse.service.CsvTable.refused;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file for {@link CsvTable}: UTF-8 (a byte order mark is skipped) or
 * windows-1252, as chosen or, without a choice, UTF-8 when the bytes are valid UTF-8. A file holding
 * NUL or other control characters is refused as binary: a spreadsheet, an image or an archive,
 * never text. Pure.
 */
final class CsvText {

    private CsvText() {}

    /** The file's text and the encoding it was read with. */
    record Decoded(String text, Charset charset) {}

    /**
     * The file's text.
     *
     * @param chosen the encoding the user chose, or {@code null} to find it
     * @throws CsvTable.Refused when the bytes are binary or not in the (chosen or found) encoding
     */
    static Decoded decode(byte[] bytes, Charset chosen) {
        int skip = 0;
        Charset charset = chosen;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            if (chosen != null && !StandardCharsets.UTF_8.equals(chosen)) {
                throw refused("import.refused.encoding", chosen.displayName());
            }
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (chosen == null) {
            charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : WINDOWS_1252;
        }
        for (int i = skip; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw refused("import.refused.binary");
            }
        }
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw chosen == null
                    ? refused("import.refused.unknownEncoding")
                    : refused("import.refused.encoding", chosen.displayName());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F) {
                // control characters besides tabs and line breaks: never text
                throw refused("import.refused.binary");
            }
        }
        return new Decoded(text, charset);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

package org.gatehouse.web.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.gatehouse.web.i18n.TextBean;

/** The recovery codes as a text file the browser downloads from a {@code data:} link, never stored on the server. */
final class RecoveryCodesFile {

    private RecoveryCodesFile() {}

    static String dataUri(String account, List<String> codes) {
        String text = TextBean.text("account.twoFactor.file.title", account) + "\r\n"
                + TextBean.text("account.twoFactor.file.once") + "\r\n\r\n" + String.join("\r\n", codes) + "\r\n";
        return "data:text/plain;charset=utf-8;base64,"
                + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

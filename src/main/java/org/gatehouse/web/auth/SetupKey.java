package org.gatehouse.web.auth;

import java.io.Serializable;
import org.gatehouse.identity.Totp;
import org.gatehouse.identity.TwoFactorService;

/**
 * A fresh authenticator key offered on the two-factor page, as the person takes it over: a QR code
 * to scan, or the key to type. It lives in the page's view only and is stored (encrypted) once a
 * code of it proves the app has it.
 */
public final class SetupKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String account;
    private final String key;

    private SetupKey(String account, String key) {
        this.account = account;
        this.key = key;
    }

    static SetupKey fresh(String account) {
        return new SetupKey(account, Totp.newKey());
    }

    /** The key itself, for confirming it with the first code. */
    String value() {
        return key;
    }

    public String getQrCode() {
        return QrImage.dataUri(Totp.uri(TwoFactorService.ISSUER, account, key));
    }

    /** The key as people type it: groups of four. */
    public String getText() {
        return grouped(key);
    }

    static String grouped(String key) {
        return key.replaceAll("(.{4})(?!$)", "$1 ");
    }
}

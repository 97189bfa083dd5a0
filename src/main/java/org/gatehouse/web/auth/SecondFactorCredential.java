package org.gatehouse.web.auth;

import jakarta.security.enterprise.credential.Credential;

/** The code typed on the sign-in's second step: from an authenticator app, or a recovery code. */
record SecondFactorCredential(String code) implements Credential {}

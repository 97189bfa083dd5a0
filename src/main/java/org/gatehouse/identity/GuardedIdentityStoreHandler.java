package org.gatehouse.identity;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static jakarta.security.enterprise.identitystore.IdentityStore.ValidationType.PROVIDE_GROUPS;
import static jakarta.security.enterprise.identitystore.IdentityStore.ValidationType.VALIDATE;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The identity store handler of the application (an alternative that takes the place of the
 * container's default), in the Jakarta Security flow: it asks the
 * identity stores as the container's own handler would, but first counts the attempt and refuses
 * locked, unknown and inactive accounts (with the same result and the same hashing time as a
 * wrong password, so nothing tells them apart) and afterwards records the outcome for lockout
 * and login tracking.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class GuardedIdentityStoreHandler implements IdentityStoreHandler {

    @Inject
    @Any
    private Instance<IdentityStore> stores;

    @Inject
    private LoginGuard guard;

    @Inject
    private Instance<HttpServletRequest> request;

    @Inject
    private PasswordHasher hasher;

    @Inject
    private SecondFactorStore secondFactors;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return validateWithStores(credential);
        }
        String email = password.getCaller();
        if (email == null || guard.begin(email, clientIp()) != LoginGuard.Attempt.ALLOWED) {
            // unknown, inactive and locked accounts cost the same hash as a real check: timing tells nothing
            hasher.spendEqualTime(password.getPasswordAsString());
            return INVALID_RESULT;
        }
        CredentialValidationResult result = validateWithStores(credential);
        if (result.getStatus() == VALID && secondFactors.enrolled(email)) {
            // half of a sign-in: the attempt is given back, the login is recorded once the code is right
            guard.passed(email);
        } else if (result.getStatus() == VALID) {
            guard.succeeded(email, clientIp());
        } else {
            guard.failed(email, clientIp());
        }
        return result;
    }

    private CredentialValidationResult validateWithStores(Credential credential) {
        List<IdentityStore> ordered = stores.stream()
                .sorted(Comparator.comparingInt(IdentityStore::priority))
                .toList();
        CredentialValidationResult valid = null;
        IdentityStore validator = null;
        CredentialValidationResult last = INVALID_RESULT;
        for (IdentityStore store : ordered) {
            if (store.validationTypes().contains(VALIDATE)) {
                CredentialValidationResult result = store.validate(credential);
                if (result.getStatus() == VALID) {
                    valid = result;
                    validator = store;
                    break;
                }
                last = result;
            }
        }
        if (valid == null) {
            return last;
        }
        Set<String> groups = new HashSet<>();
        if (validator.validationTypes().contains(PROVIDE_GROUPS)) {
            groups.addAll(valid.getCallerGroups());
        }
        for (IdentityStore store : ordered) {
            if (store != validator && store.validationTypes().equals(Set.of(PROVIDE_GROUPS))) {
                groups.addAll(store.getCallerGroups(valid));
            }
        }
        return new CredentialValidationResult(
                valid.getIdentityStoreId(),
                valid.getCallerPrincipal(),
                valid.getCallerDn(),
                valid.getCallerUniqueId(),
                groups);
    }

    private String clientIp() {
        try {
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

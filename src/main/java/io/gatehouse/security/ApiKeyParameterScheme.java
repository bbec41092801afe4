package io.gatehouse.security;

import io.gatehouse.apikey.ApiKeyService;
import io.gatehouse.audit.AuditEvent;
import io.gatehouse.audit.AuditLog;
import io.gatehouse.audit.AuditReason;
import io.gatehouse.audit.AuditScheme;
import io.gatehouse.net.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.OptionalLong;

/** An API key in parameter {@code apikey}, from the query string or a form POST. */
@ApplicationScoped
public class ApiKeyParameterScheme implements AuthenticationScheme {

    static final String REFUSAL = "Invalid API key";

    @Inject
    ClientAddress clientAddress;

    @Inject
    ApiKeyService apiKeys;

    @Inject
    ActiveCallers callers;

    @Inject
    AuditLog audit;

    @Override
    public SchemeResult authenticate(HttpServletRequest request) {
        String key = RequestParameter.get(request, "apikey");
        return key == null ? SchemeResult.ABSENT : verify(key, request);
    }

    /** Also for an API key sent as HTTP Basic. */
    SchemeResult verify(String key, HttpServletRequest request) {
        if (!CredentialShapes.isToken(key)) {
            return refuse(AuditReason.MALFORMED, request);
        }
        OptionalLong userId = apiKeys.resolve(key);
        if (userId.isEmpty()) {
            return refuse(AuditReason.BAD_CREDENTIALS, request);
        }
        // A standing credential: it survives sign-outs and ends only with itself (regenerated, revoked with everything).
        return callers.of(userId.getAsLong(), null, AuthScheme.API_KEY, null, REFUSAL, request);
    }

    private SchemeResult refuse(String reason, HttpServletRequest request) {
        audit.record(AuditEvent.failure(AuditScheme.API_KEY, reason, null, null, clientAddress.of(request)));
        return SchemeResult.failed(401, REFUSAL);
    }
}

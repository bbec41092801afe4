package io.gatehouse.security;

import io.gatehouse.apikey.ApiKeyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.OptionalLong;

/** An API key in parameter {@code apikey}, from the query string or a form POST. */
@ApplicationScoped
public class ApiKeyParameterScheme implements AuthenticationScheme {

    static final String REFUSAL = "Invalid API key";

    @Inject
    ApiKeyService apiKeys;

    @Inject
    ActiveCallers callers;

    @Override
    public SchemeResult authenticate(HttpServletRequest request) {
        String key = request.getParameter("apikey");
        return key == null ? SchemeResult.ABSENT : verify(key);
    }

    SchemeResult verify(String key) {
        if (!CredentialShapes.isToken(key)) {
            return SchemeResult.failed(401, REFUSAL);
        }
        OptionalLong userId = apiKeys.resolve(key);
        if (userId.isEmpty()) {
            return SchemeResult.failed(401, REFUSAL);
        }
        return callers.of(userId.getAsLong(), AuthScheme.API_KEY, null, REFUSAL);
    }
}

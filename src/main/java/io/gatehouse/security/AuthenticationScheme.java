package io.gatehouse.security;

import jakarta.servlet.http.HttpServletRequest;

/** One credential form: read it from the request, verify it against its store, produce the caller. */
public interface AuthenticationScheme {

    /** {@link SchemeResult#ABSENT} when this form's credential is not in the request. */
    SchemeResult authenticate(HttpServletRequest request);
}

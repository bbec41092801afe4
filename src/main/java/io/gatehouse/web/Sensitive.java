package io.gatehouse.web;

import io.gatehouse.token.Scope;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint an API key may not use (a leaked key must not lead to more keys or to the account),
 * and a delegated token (an OAuth access token) only with the scope it names. Every endpoint behind
 * {@code @RolesAllowed} is either sensitive or on SensitiveEndpointsTest's baseline list.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Sensitive {

    /** The scope a delegated token needs here. */
    Scope value();
}

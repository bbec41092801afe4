package io.gatehouse.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jersey warns on every form POST whose parameters the authentication mechanism has read (it
 * must, to find {@code sesskey} or {@code apikey}), and the warning quotes the request URL with
 * its query string, credentials included. That warning is silenced; nothing else is.
 */
@ApplicationScoped
public class LogHygiene {

    /** Held so the logger and its level are not garbage-collected. */
    private static final Logger JERSEY_SERVLET = Logger.getLogger("org.glassfish.jersey.servlet.WebComponent");

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        JERSEY_SERVLET.setLevel(Level.SEVERE);
    }
}

package io.gatehouse.cluster;

import jakarta.inject.Qualifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event that happened on another node, fired here again by the {@link ChangeFeed} outside any
 * transaction: caches observing it drop what it outdated; observers that write to the database
 * observe {@code @Default} events only, so a change is written once, where it was made.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface Replayed {

    final class Literal extends jakarta.enterprise.util.AnnotationLiteral<Replayed> implements Replayed {
        public static final Literal INSTANCE = new Literal();
    }
}

package io.gatehouse.cluster;

import io.gatehouse.account.AccountChanged;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplicatedEventsTest {

    private static final Path CLASSES = Path.of("target", "classes");

    /**
     * An observer that runs after a transaction drops node-local state: the event it hears must
     * reach the other nodes too, or they keep what this node just dropped.
     */
    @Test
    void everyEventThatADroppingObserverHearsIsReplicated() throws Exception {
        Set<Class<?>> heard = new HashSet<>();
        for (Class<?> type : applicationClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    Observes observes = parameter.getAnnotation(Observes.class);
                    if (observes != null && observes.during() != TransactionPhase.IN_PROGRESS
                            && Record.class.isAssignableFrom(parameter.getType())) {
                        heard.add(parameter.getType());
                    }
                }
            }
        }
        heard.remove(io.gatehouse.audit.AuditEvent.class);  // written to the database, not a cache
        assertFalse(heard.isEmpty());
        assertEquals(heard, Set.copyOf(ReplicatedEvents.TOPICS.values()));
    }

    @Test
    void anEventSurvivesItsJsonForm() {
        AccountChanged change = new AccountChanged(42, AccountChanged.Kind.CREDENTIALS_REVOKED);

        String json = ReplicatedEvents.encode(change);

        assertEquals("account", ReplicatedEvents.topicOf(change));
        assertEquals(change, ReplicatedEvents.decode("account", json).orElseThrow());
        assertTrue(ReplicatedEvents.decode("a-topic-of-a-newer-version", json).isEmpty());
    }

    private static Set<Class<?>> applicationClasses() throws Exception {
        Set<Class<?>> classes = new HashSet<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/gatehouse"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString();
                if (!name.startsWith("io/gatehouse/servlet")) {
                    classes.add(Class.forName(name.substring(0, name.length() - 6).replace('/', '.').replace('\\', '.'),
                            false, ReplicatedEventsTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }
}

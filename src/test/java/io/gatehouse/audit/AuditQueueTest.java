package io.gatehouse.audit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditQueueTest {

    private static AuditEvent failure(String username) {
        return AuditEvent.failure(AuditScheme.BASIC, AuditReason.BAD_CREDENTIALS, null, username, "127.0.0.1");
    }

    @Test
    void offerWhenFullDropsTheNewEventAndCountsIt() {
        AuditQueue queue = new AuditQueue(2);

        assertTrue(queue.offer(failure("a")));
        assertTrue(queue.offer(failure("b")));
        assertFalse(queue.offer(failure("c")));
        assertFalse(queue.offer(failure("d")));

        assertEquals(2, queue.size(), "memory stays bounded");
        assertEquals(2, queue.takeDropped());
        assertEquals(List.of("a", "b"), queue.drain(10).stream().map(AuditEvent::username).toList(),
                "the oldest are kept, in order");
    }

    @Test
    void takeDroppedReportsEachDropOnceButTheTotalKeepsCounting() {
        AuditQueue queue = new AuditQueue(1);
        queue.offer(failure("a"));
        queue.offer(failure("b"));

        assertEquals(1, queue.takeDropped());
        assertEquals(0, queue.takeDropped());
        queue.offer(failure("c"));
        assertEquals(1, queue.takeDropped());
        assertEquals(2, queue.droppedTotal());
    }

    @Test
    void drainTakesAtMostMaxOldestFirstAndFreesRoom() {
        AuditQueue queue = new AuditQueue(5);
        for (String name : List.of("a", "b", "c", "d", "e")) {
            queue.offer(failure(name));
        }

        assertEquals(List.of("a", "b"), queue.drain(2).stream().map(AuditEvent::username).toList());
        assertTrue(queue.offer(failure("f")), "drained room is usable again");
        assertEquals(List.of("c", "d", "e", "f"), queue.drain(10).stream().map(AuditEvent::username).toList());
        assertTrue(queue.drain(10).isEmpty());
    }

    @Test
    void offerFromManyThreadsNeverHoldsMoreThanTheCapacityAndLosesNothingUncounted() throws Exception {
        AuditQueue queue = new AuditQueue(1000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                for (int i = 0; i < 5000; i++) {
                    queue.offer(failure("x"));
                }
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));

        assertEquals(1000, queue.size());
        assertEquals(19_000, queue.takeDropped());
    }
}

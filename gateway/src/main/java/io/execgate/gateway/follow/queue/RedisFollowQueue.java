package io.execgate.gateway.follow.queue;

import io.execgate.gateway.follow.Backoff;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The queue shared by every gateway instance on one Redis: a stream read by one consumer group, in
 * which each instance (each process start) is a consumer of its own ({@link FollowStream}). A job is
 * handed to one instance's worker at a time, survives restarts, and a killed instance's jobs are
 * taken over by another.
 *
 * <p>Two loops, both on one scheduler thread and holding it only while they hand entries out (never
 * while Redis answers: Lettuce's async API throughout):
 * <ul>
 *   <li>the reader takes entries never handed out ({@code XREADGROUP >}) and hands them to the worker;</li>
 *   <li>the keeper, every {@code claim-after / 3}, resets the idle time of the jobs this instance holds
 *       (the heartbeat), then takes over jobs idle longer than {@code claim-after} ({@code XAUTOCLAIM}):
 *       those of an instance that died, or that stalled three heartbeats in a row. A job the heartbeat
 *       finds another instance's now is dropped from this one's held set.</li>
 * </ul>
 * A Redis that fails or times out ({@code redis-timeout}, per command) sends a loop into a bounded
 * backoff ({@link FailureStreak}); {@link #add}, {@link #replace} and {@link #done} fail their futures.
 * {@link #close} stops the loops and closes the connections but acknowledges nothing: another
 * instance takes over what this one held once it has been idle for {@code claim-after}.
 *
 * <p>The worker is called on the scheduler thread and must not block it.
 */
final class RedisFollowQueue implements FollowQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RedisFollowQueue.class);
    /** Takeover pages per keeper round: a backlog is worked off over several rounds, not in one burst. */
    private static final int TAKEOVER_PAGES = 10;
    /** Held ids per heartbeat script, so one script never runs long on Redis. */
    private static final int HEARTBEAT_BATCH = 500;
    private static final String END = "0-0";
    /** Below this the heartbeat would be a busy loop. */
    private static final Duration MIN_CLAIM_AFTER = Duration.ofMillis(300);

    private final FollowStream stream;
    private final Duration claimAfter;
    private final Duration beat;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService loop;
    private final FailureStreak readFailures;
    private final FailureStreak keepFailures;
    private final AtomicLong rounds = new AtomicLong();
    private volatile Consumer<Taken> worker;
    private volatile boolean closed;
    private volatile boolean groupReady;
    /** Where the next takeover page starts; one keeper round at a time moves it. */
    private volatile String cursor = END;

    /**
     * @param connect    opens a connection to the queue's Redis whose commands time out after the given duration
     * @param claimAfter how long a job may go without a heartbeat before another instance takes it over
     * @param timeout    how long one Redis command may take ({@code execgate.idempotency.redis-timeout})
     */
    RedisFollowQueue(Function<Duration, ? extends CompletionStage<StatefulRedisConnection<String, String>>> connect,
                     Duration claimAfter, Duration timeout) {
        if (claimAfter.compareTo(MIN_CLAIM_AFTER) < 0) {
            throw new IllegalArgumentException("execgate.follow.claim-after must be at least " + MIN_CLAIM_AFTER.toMillis() + "ms");
        }
        this.stream = new FollowStream(connect, timeout, UUID.randomUUID().toString());
        this.claimAfter = claimAfter;
        this.beat = claimAfter.dividedBy(3);
        this.readFailures = new FailureStreak("reading new jobs", new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5)));
        // never much slower than the heartbeat: after a blip, the held jobs are refreshed before others may take them
        this.keepFailures = new FailureStreak("the heartbeat and takeover", new Backoff(Duration.ofMillis(100), beat));
        this.loop = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "execgate-follow-queue");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public CompletionStage<Void> add(FollowJob job) {
        if (closed) {
            return closedFailure();
        }
        return stream.add(job).thenAccept(id -> { });
    }

    /**
     * {@inheritDoc} When the job is no longer this instance's (it stalled, and another took the job
     * over), nothing is changed, and the future completes all the same: the other instance works on it.
     */
    @Override
    public CompletionStage<Void> replace(Taken taken, FollowJob next) {
        if (closed) {
            return closedFailure();
        }
        return stream.replace(taken.id(), next).handle((nextId, failed) -> ended(taken, failed, nextId != null));
    }

    /** {@inheritDoc} As {@link #replace}, a job no longer this instance's is left alone. */
    @Override
    public CompletionStage<Void> done(Taken taken) {
        if (closed) {
            return closedFailure();
        }
        return stream.done(taken.id()).handle((ended, failed) -> ended(taken, failed, Boolean.TRUE.equals(ended)));
    }

    /**
     * The job is no longer held, whatever the outcome: ended, lost to another instance, or (Redis
     * failed) left pending, to be taken over once idle for {@code claim-after} rather than kept alive
     * by the heartbeat for ever.
     */
    private Void ended(Taken taken, Throwable failed, boolean ours) {
        held.remove(taken.id());
        if (failed != null) {
            throw failed instanceof RuntimeException ? (RuntimeException) failed : new IllegalStateException(failed);
        }
        if (!ours) {
            LOG.warn("Follow queue: job {} was no longer this instance's when it ended; left to the instance that took it over",
                    taken.id());
        }
        return null;
    }

    @Override
    public void start(Consumer<Taken> worker) {
        if (this.worker != null) {
            throw new IllegalStateException("the follow queue has been started already");
        }
        this.worker = worker;
        loop.execute(this::prepare);
    }

    /** How many jobs this instance holds: handed to the worker and not yet ended. */
    int held() {
        return held.size();
    }

    /** Keeper rounds done: each refreshed every held job and looked for jobs to take over. */
    long rounds() {
        return rounds.get();
    }

    /** This instance's consumer name in the group. */
    String consumer() {
        return stream.consumer();
    }

    /** Creates the group, then starts both loops (the keeper's commands fail until the group exists). */
    private void prepare() {
        if (closed) {
            return;
        }
        stream.createGroup().whenCompleteAsync((created, failed) -> {
            if (failed != null) {
                schedule(this::prepare, readFailures.failed(failed));
                return;
            }
            readFailures.succeeded();
            groupReady = true;
            read();
            schedule(this::keep, beat);
        }, loop);
    }

    private void read() {
        if (closed) {
            return;
        }
        CompletableFuture<Void> group = groupReady ? CompletableFuture.completedFuture(null)
                : stream.createGroup().thenRun(() -> groupReady = true);
        group.thenCompose(ready -> stream.readNew()).whenCompleteAsync((entries, failed) -> {
            if (failed != null) {
                groupReady = false; // the stream may have been deleted (NOGROUP): create it again
                schedule(this::read, readFailures.failed(failed));
                return;
            }
            readFailures.succeeded();
            entries.forEach(this::hand);
            read();
        }, loop);
    }

    private void keep() {
        if (closed) {
            return;
        }
        heartbeat().thenCompose(beaten -> takeOver(TAKEOVER_PAGES)).whenCompleteAsync((kept, failed) -> {
            if (failed != null) {
                schedule(this::keep, keepFailures.failed(failed));
                return;
            }
            keepFailures.succeeded();
            rounds.incrementAndGet();
            schedule(this::keep, beat);
        }, loop);
    }

    /** Refreshes the held jobs, a batch at a time; drops those another instance holds now. */
    private CompletableFuture<Void> heartbeat() {
        List<String> ids = new ArrayList<>(held);
        CompletableFuture<Void> beaten = CompletableFuture.completedFuture(null);
        for (int from = 0; from < ids.size(); from += HEARTBEAT_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + HEARTBEAT_BATCH));
            beaten = beaten.thenCompose(previous -> stream.refresh(batch)).thenAccept(kept -> dropLost(batch, kept));
        }
        return beaten;
    }

    /**
     * The ids sent but not kept are ended (their {@code done} has just removed them from the held
     * set: its answer came first, on the same connection) or another instance's now.
     */
    private void dropLost(List<String> sent, List<String> kept) {
        Set<String> still = new HashSet<>(kept);
        for (String id : sent) {
            if (!still.contains(id) && held.remove(id)) {
                LOG.warn("Follow queue: job {} was taken over by another instance (this one stalled beyond claim-after); "
                        + "dropped here", id);
            }
        }
    }

    /** Takes over jobs idle beyond {@code claim-after}, up to {@code pages} pages, and hands them out. */
    private CompletableFuture<Void> takeOver(int pages) {
        return stream.takeOver(cursor, claimAfter).thenComposeAsync(claimed -> {
            cursor = claimed.cursor();
            claimed.entries().forEach(this::hand);
            CompletableFuture<Void> acked = stream.ack(claimed.deleted()); // deleted while pending: nothing to hand out
            if (END.equals(cursor) || pages <= 1) {
                return acked;
            }
            return acked.thenCompose(next -> takeOver(pages - 1));
        }, loop);
    }

    /**
     * Hands an entry to the worker, unless this instance holds it already (taken over from itself
     * after a stall). An entry that is not a job is logged, without its values (customer data), and
     * acknowledged and deleted: it would never become readable.
     */
    private void hand(FollowStream.Entry entry) {
        if (closed || held.contains(entry.id())) {
            return;
        }
        FollowJob job;
        try {
            job = FollowJob.of(entry.fields());
        } catch (RuntimeException unreadable) {
            LOG.warn("Follow queue: entry {} is not a job ({} with fields {}); deleted", entry.id(),
                    unreadable.getClass().getSimpleName(), entry.fields().keySet());
            stream.done(entry.id()).whenComplete((ended, failed) -> {
                if (failed != null) {
                    LOG.warn("Follow queue: could not delete unreadable entry {}; tried again after claim-after", entry.id());
                }
            });
            return;
        }
        held.add(entry.id());
        try {
            worker.accept(new Taken(entry.id(), job));
        } catch (RuntimeException failed) {
            held.remove(entry.id()); // handed out again once idle for claim-after
            LOG.error("Follow queue: the worker failed on job {}", entry.id(), failed);
        }
    }

    private void schedule(Runnable task, Duration after) {
        try {
            if (!closed) {
                loop.schedule(task, after.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException closing) {
            // closed meanwhile: the loop ends here
        }
    }

    private static CompletionStage<Void> closedFailure() {
        return CompletableFuture.failedFuture(new IllegalStateException("the follow queue is closed"));
    }

    /** Stops the loops and closes the connections; the jobs held stay pending, for another instance to take over. */
    @Override
    public void close() {
        closed = true;
        loop.shutdownNow();
        stream.close();
    }
}

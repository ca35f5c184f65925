package io.execgate.gateway.follow.queue;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.execgate.gateway.redis.RedisLink;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.NestedMultiOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The follow queue's Redis commands, one method each, on one stream ({@value #KEY}) read by one
 * consumer group ({@value #GROUP}) in which this process is the consumer {@code consumer}. Knows the
 * commands and their answers' shapes; when to send them is {@link RedisFollowQueue}'s.
 *
 * <p>Blocking reads go over their own connection ({@code reader}): Lettuce pipelines every command
 * of a connection and Redis answers them in order, so a read blocked for seconds on the shared
 * connection would hold every heartbeat, {@code add} and {@code done} behind it. A blocking read
 * rather than short polls: a new job is handed out as soon as it is added, and an idle gateway sends
 * one command per {@link #READ_BLOCK}, not one per poll interval. The reader's command timeout is
 * {@code READ_BLOCK} plus {@code redis-timeout}, so the wait itself never times out.
 *
 * <p>Ending a job ({@link #done}, {@link #replace}) and the heartbeat ({@link #refresh}) are Lua
 * scripts: atomic without {@code MULTI}, which on a shared connection would take in whatever other
 * commands are sent meanwhile. Each first checks that the entry is still pending for this consumer,
 * so an instance that lost a job to another (it stalled longer than {@code claim-after}) neither
 * takes it back nor ends it under the other's hands.
 */
final class FollowStream {
    static final String KEY = "execgate:follow";
    static final String GROUP = "execgate";
    /** How long one read waits for new entries. */
    static final Duration READ_BLOCK = Duration.ofSeconds(5);
    /** Entries per read or takeover page. */
    static final int PAGE = 100;

    /** Is ARGV[i] pending for this consumer: KEYS[1] stream, ARGV[1] group, ARGV[2] consumer. */
    private static final String OWNED = "local function owned(id) "
            + "local p = redis.call('XPENDING', KEYS[1], ARGV[1], id, id, 1) "
            + "return #p > 0 and p[1][2] == ARGV[2] end ";
    /** ARGV[3] the entry: 1 when ended, 0 when it was not this consumer's. */
    private static final String DONE = OWNED
            + "if not owned(ARGV[3]) then return 0 end "
            + "redis.call('XACK', KEYS[1], ARGV[1], ARGV[3]) "
            + "redis.call('XDEL', KEYS[1], ARGV[3]) "
            + "return 1";
    /** ARGV[3] the entry, ARGV[4..] the next job's fields: the next job's id, or nil when it was not this consumer's. */
    private static final String REPLACE = OWNED
            + "if not owned(ARGV[3]) then return false end "
            + "local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 4)) "
            + "redis.call('XACK', KEYS[1], ARGV[1], ARGV[3]) "
            + "redis.call('XDEL', KEYS[1], ARGV[3]) "
            + "return id";
    /** ARGV[3..] entries: resets the idle time of those still this consumer's, and returns them. */
    private static final String REFRESH = OWNED
            + "local kept = {} "
            + "for i = 3, #ARGV do "
            + "  if owned(ARGV[i]) then "
            + "    redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID') "
            + "    kept[#kept + 1] = ARGV[i] "
            + "  end "
            + "end "
            + "return kept";

    private final RedisLink commands;
    private final RedisLink reader;
    private final String consumer;

    /**
     * @param connect  opens a connection whose commands time out after the given duration
     * @param timeout  {@code redis-timeout}: how long one command may take
     * @param consumer this process's name in the group
     */
    FollowStream(Function<Duration, ? extends CompletionStage<StatefulRedisConnection<String, String>>> connect,
                 Duration timeout, String consumer) {
        this.commands = new RedisLink(() -> connect.apply(timeout), timeout);
        Duration readTimeout = READ_BLOCK.plus(timeout);
        this.reader = new RedisLink(() -> connect.apply(readTimeout), timeout);
        this.consumer = consumer;
    }

    String consumer() {
        return consumer;
    }

    /** An entry: its id and fields. */
    record Entry(String id, Map<String, String> fields) {
    }

    /**
     * A takeover page.
     *
     * @param cursor  where the next page starts; {@code 0-0} when the pending entries have all been looked at
     * @param entries the entries now this consumer's
     * @param deleted entries that were pending but deleted from the stream
     */
    record Claimed(String cursor, List<Entry> entries, List<String> deleted) {
    }

    /** Creates the group (and the stream) unless it exists; reads from the stream's start, so no job added before is missed. */
    CompletableFuture<Void> createGroup() {
        return run(commands, redis -> redis.xgroupCreate(XReadArgs.StreamOffset.from(KEY, "0"), GROUP,
                XGroupCreateArgs.Builder.mkstream()).toCompletableFuture())
                .handle((ok, failed) -> {
                    if (failed != null && !exists(unwrap(failed))) {
                        throw new CompletionException(unwrap(failed));
                    }
                    return null;
                });
    }

    /** Keeps a job; its entry id. */
    CompletableFuture<String> add(FollowJob job) {
        Map<String, String> fields = fields(job);
        return run(commands, redis -> redis.xadd(KEY, fields).toCompletableFuture());
    }

    /** Up to {@link #PAGE} entries never handed to any consumer, now this one's; waits up to {@link #READ_BLOCK} for some. */
    CompletableFuture<List<Entry>> readNew() {
        return run(reader, redis -> redis.xreadgroup(Consumer.from(GROUP, consumer),
                XReadArgs.Builder.count(PAGE).block(READ_BLOCK), XReadArgs.StreamOffset.lastConsumed(KEY))
                .toCompletableFuture())
                .thenApply(messages -> {
                    List<Entry> entries = new ArrayList<>(messages.size());
                    for (StreamMessage<String, String> message : messages) {
                        entries.add(new Entry(message.getId(), message.getBody()));
                    }
                    return entries;
                });
    }

    /** Acknowledges and deletes {@code id}; false when it was not this consumer's (and nothing was done). */
    CompletableFuture<Boolean> done(String id) {
        return run(commands, redis -> redis.<Long>eval(DONE, ScriptOutputType.INTEGER, new String[] {KEY},
                GROUP, consumer, id).toCompletableFuture())
                .thenApply(ended -> ended == 1L);
    }

    /** Adds {@code next} and acknowledges and deletes {@code id}, atomically; null when {@code id} was not this consumer's (nothing done). */
    CompletableFuture<String> replace(String id, FollowJob next) {
        List<String> args = new ArrayList<>(List.of(GROUP, consumer, id));
        fields(next).forEach((name, value) -> {
            args.add(name);
            args.add(value);
        });
        return run(commands, redis -> redis.<String>eval(REPLACE, ScriptOutputType.VALUE, new String[] {KEY},
                args.toArray(new String[0])).toCompletableFuture());
    }

    /** The heartbeat: resets the idle time of {@code ids} still this consumer's; those ids. */
    CompletableFuture<List<String>> refresh(Collection<String> ids) {
        List<String> args = new ArrayList<>(ids.size() + 2);
        args.add(GROUP);
        args.add(consumer);
        args.addAll(ids);
        return run(commands, redis -> redis.<List<Object>>eval(REFRESH, ScriptOutputType.MULTI, new String[] {KEY},
                args.toArray(new String[0])).toCompletableFuture())
                .thenApply(kept -> {
                    List<String> still = new ArrayList<>(kept.size());
                    kept.forEach(id -> still.add((String) id));
                    return still;
                });
    }

    /**
     * One page of {@code XAUTOCLAIM}: entries pending longer than {@code idle} (their consumer is
     * gone), from {@code cursor} on, become this consumer's. Sent as a raw command: Lettuce's
     * {@code xautoclaim} does not read the deleted ids Redis 7 adds to the answer.
     */
    CompletableFuture<Claimed> takeOver(String cursor, Duration idle) {
        CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).addKey(KEY).add(GROUP).add(consumer)
                .add(idle.toMillis()).add(cursor).add("COUNT").add(PAGE);
        return run(commands, redis -> redis.dispatch(CommandType.XAUTOCLAIM, new NestedMultiOutput<>(StringCodec.UTF8), args)
                .toCompletableFuture())
                .thenApply(FollowStream::claimed);
    }

    /** Acknowledges {@code ids} (entries already deleted from the stream). */
    CompletableFuture<Void> ack(List<String> ids) {
        if (ids.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return run(commands, redis -> redis.xack(KEY, GROUP, ids.toArray(new String[0])).toCompletableFuture())
                .thenAccept(acked -> { });
    }

    /** Closes both connections. */
    void close() {
        reader.close();
        commands.close();
    }

    /** {@code [cursor, [[id, [field, value, …]] or nil, …], [deleted id, …]]}; the third part from Redis 7 on. */
    @SuppressWarnings("unchecked")
    private static Claimed claimed(List<Object> answer) {
        String cursor = (String) answer.get(0);
        List<Entry> entries = new ArrayList<>();
        for (Object item : (List<Object>) answer.get(1)) {
            if (item == null) {
                continue; // Redis 6.2: an entry deleted while pending
            }
            List<Object> entry = (List<Object>) item;
            List<Object> flat = (List<Object>) entry.get(1);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; flat != null && i + 1 < flat.size(); i += 2) {
                fields.put((String) flat.get(i), (String) flat.get(i + 1));
            }
            entries.add(new Entry((String) entry.get(0), fields));
        }
        List<String> deleted = new ArrayList<>();
        if (answer.size() > 2 && answer.get(2) != null) {
            ((List<Object>) answer.get(2)).forEach(id -> deleted.add((String) id));
        }
        return new Claimed(cursor, entries, deleted);
    }

    /** The job's fields without the absent ones: a stream entry has no null, and {@link FollowJob#of} reads a missing field as null. */
    private static Map<String, String> fields(FollowJob job) {
        Map<String, String> fields = new LinkedHashMap<>();
        job.fields().forEach((name, value) -> {
            if (value != null) {
                fields.put(name, value);
            }
        });
        return fields;
    }

    private static <T> CompletableFuture<T> run(RedisLink link,
                                                Function<RedisAsyncCommands<String, String>, CompletableFuture<T>> command) {
        return link.connection().thenCompose(connection -> command.apply(connection.async()));
    }

    /** BUSYGROUP: the group exists already. */
    private static boolean exists(Throwable failed) {
        return failed instanceof RedisBusyException && String.valueOf(failed.getMessage()).startsWith("BUSYGROUP");
    }

    private static Throwable unwrap(Throwable failed) {
        return failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
    }
}

package io.execgate.gateway.connection;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection's deadlines for receiving a request. Sits right after Netty's HTTP codec (it sees
 * request heads, body pieces and the answers going out); {@link RequestStartWatch} sits in front of
 * the codec, which says nothing until a whole request line and headers have arrived.
 *
 * <p>Only receiving is timed: while the gateway owes an answer (a vendor call may take its read
 * timeout) no deadline runs; the current one starts afresh once every answer is written. A request
 * that missed its deadline gets a 408 problem, then the connection is closed; a connection that sent
 * nothing, or whose request was already answered, is closed without a word. Headers that never
 * finished are no request to Micronaut, so their 408 is written here; a request whose headers
 * arrived is Micronaut's, so its body fails with the {@code REQUEST_TIMEOUT} problem and the gateway
 * answers it as any problem (request id, metrics, request log) instead of finding a closed
 * connection and logging an unexpected error. All of it runs on the connection's event loop.
 */
final class ClientDeadlines extends ChannelDuplexHandler {
    private enum Phase { WAITING, HEAD, BODY }

    /** How long Micronaut may take to answer a request whose body timed out before the connection is closed anyway. */
    private static final Duration ANSWER_GRACE = Duration.ofSeconds(5);
    private static final long NONE = Long.MIN_VALUE;

    private final ConnectionProperties limits;
    private final RequestTimeoutAnswer answer;
    private ChannelHandlerContext ctx;
    private Phase phase = Phase.WAITING;
    private boolean firstRequest = true;
    private boolean closing;
    private boolean timedOut; // the body timed out: the answer Micronaut writes closes the connection
    private int unanswered; // requests whose head arrived and whose final answer is not yet written
    private boolean informational; // the answer being written is a 1xx (100 Continue), not the request's answer
    private long armedAtNanos; // when the current deadline started
    private long deadlineNanos = NONE; // when it passes (System.nanoTime), or NONE
    private ScheduledFuture<?> timer; // fires at timerAtNanos, at or before the deadline
    private long timerAtNanos;

    ClientDeadlines(ConnectionProperties limits, RequestTimeoutAnswer answer) {
        this.limits = limits;
        this.answer = answer;
    }

    /** Whether the connection waits for a request's first bytes (then {@link RequestStartWatch} looks at them). */
    boolean waiting() {
        return phase == Phase.WAITING;
    }

    /** Bytes of a request arrived ({@link RequestStartWatch}, in front of the codec). */
    void requestBytesArrived() {
        if (phase == Phase.WAITING) {
            enter(Phase.HEAD);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        rearm();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        closing = true;
        cancel();
        super.channelInactive(context);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof HttpRequest) {
            unanswered++;
            enter(Phase.BODY);
        }
        if (msg instanceof LastHttpContent) {
            firstRequest = false;
            enter(Phase.WAITING);
        }
        context.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext context, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response) {
            informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
            if (timedOut && !informational) {
                HttpUtil.setKeepAlive(response, false);
            }
        }
        if (msg instanceof LastHttpContent && !informational) {
            unanswered--;
            if (timedOut) {
                context.write(msg, promise.unvoid().addListener(ChannelFutureListener.CLOSE));
                return;
            }
            rearm();
        }
        context.write(msg, promise);
    }

    private void enter(Phase next) {
        phase = next;
        rearm();
    }

    /**
     * Sets the deadline the connection is now under, or none while the gateway owes an answer. The
     * timer is moved only when the new deadline is earlier than it fires: a request on a kept-alive
     * connection passes four phases, and a timer that fires early simply waits out the rest
     * (Netty's IdleStateHandler does the same), so most requests schedule nothing.
     */
    private void rearm() {
        if (closing) {
            return;
        }
        Duration limit = switch (phase) {
            case WAITING -> unanswered > 0 ? null : firstRequest ? limits.headerTimeout() : limits.keepAliveTimeout();
            case HEAD -> unanswered > 0 ? null : limits.headerTimeout();
            case BODY -> unanswered > 1 ? null : limits.bodyTimeout(); // the one unanswered is this request
        };
        if (limit == null || ctx == null) {
            deadlineNanos = NONE;
            return;
        }
        armedAtNanos = System.nanoTime();
        deadlineNanos = armedAtNanos + limit.toNanos();
        if (timer == null || timerAtNanos - deadlineNanos > 0) {
            schedule(limit.toNanos());
        }
    }

    private void schedule(long inNanos) {
        cancel();
        timerAtNanos = System.nanoTime() + inNanos;
        timer = ctx.executor().schedule(this::fired, inNanos, TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** The timer went off: the deadline has passed, is still ahead (wait the rest), or there is none. */
    private void fired() {
        timer = null;
        if (closing || deadlineNanos == NONE) {
            return;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            schedule(left);
        } else {
            expired();
        }
    }

    private void expired() {
        closing = true;
        if (phase == Phase.HEAD) {
            ctx.writeAndFlush(answer.response(System.nanoTime() - armedAtNanos))
                    .addListener(ChannelFutureListener.CLOSE);
        } else if (phase == Phase.BODY && unanswered > 0) {
            timedOut = true;
            ctx.fireExceptionCaught(RequestTimeoutAnswer.problem());
            timer = ctx.executor().schedule(() -> ctx.close(), ANSWER_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            ctx.close();
        }
    }
}

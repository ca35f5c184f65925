package io.execgate.gateway.follow;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GenericFutureListener;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Tells a waiting request's follower that its client has gone, so that no more vendor reads are made
 * for nobody. Micronaut does not cancel a pending answer when its connection closes, so this listens
 * on the connection itself, and stops listening once the answer is done (a kept-alive connection
 * carries many requests).
 */
public final class HangUp {
    private static final Runnable HAPPENED = () -> { };
    private final AtomicReference<Runnable> action = new AtomicReference<>();
    private final Channel channel;
    private final GenericFutureListener<Future<? super Void>> closed = future -> happened();

    private HangUp(Channel channel) {
        this.channel = channel;
        if (channel != null) {
            channel.closeFuture().addListener(closed);
        }
    }

    /** Listens for {@code request}'s client going away (never, for a request not on a Netty connection). */
    public static HangUp of(HttpRequest<?> request) {
        return new HangUp(request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().channel() : null);
    }

    /** The client hung up: runs the action given, or the one given later. */
    public void happened() {
        Runnable stop = action.getAndSet(HAPPENED);
        if (stop != null && stop != HAPPENED) {
            stop.run();
        }
    }

    /** Runs {@code stop} when the client hangs up (at once if it already has). */
    public void then(Runnable stop) {
        if (!action.compareAndSet(null, stop) && action.get() == HAPPENED) {
            stop.run();
        }
    }

    /** The answer is done: stop listening. */
    public void answered() {
        if (channel != null) {
            channel.closeFuture().removeListener(closed);
        }
    }
}

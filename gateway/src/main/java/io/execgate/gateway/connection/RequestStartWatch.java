package io.execgate.gateway.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * In front of Netty's HTTP codec: tells {@link ClientDeadlines} when a request's first bytes arrive,
 * which the codec does not say until the request line and headers are complete.
 */
final class RequestStartWatch extends ChannelInboundHandlerAdapter {
    private final ClientDeadlines deadlines;

    RequestStartWatch(ClientDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf bytes && deadlines.waiting() && !blank(bytes)) {
            deadlines.requestBytesArrived();
        }
        ctx.fireChannelRead(msg);
    }

    /** Line ends and blanks between requests, which the codec skips: they start no request. */
    private static boolean blank(ByteBuf bytes) {
        return bytes.forEachByte(bytes.readerIndex(), bytes.readableBytes(),
                b -> b == '\r' || b == '\n' || b == ' ' || b == '\t') == -1;
    }
}

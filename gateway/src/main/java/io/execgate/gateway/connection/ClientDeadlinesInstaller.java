package io.execgate.gateway.connection;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;

/**
 * Puts {@link ClientDeadlines} on every HTTP/1.1 connection of the gateway's server, around
 * Netty's HTTP codec (Micronaut's documented way in: a customizer on its server's registry).
 */
@Singleton
final class ClientDeadlinesInstaller implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String BYTES = "execgate-client-bytes";
    private static final String DEADLINES = "execgate-client-deadlines";
    private final ConnectionProperties limits;
    private final RequestTimeoutAnswer answer;

    ClientDeadlinesInstaller(ConnectionProperties limits, RequestTimeoutAnswer answer) {
        this.limits = limits;
        this.answer = answer;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerConnection(null));
        return event.getBean();
    }

    /** The server-wide customizer (no channel), and one per accepted connection. */
    private final class PerConnection implements NettyServerCustomizer {
        private final Channel channel;

        PerConnection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel connection, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new PerConnection(connection) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            ChannelPipeline pipeline = channel == null ? null : channel.pipeline();
            // HTTP/1.1 only: an HTTP/2 connection (not configured by the gateway) has no such codec
            if (pipeline == null || pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null
                    || pipeline.get(DEADLINES) != null) {
                return;
            }
            ClientDeadlines deadlines = new ClientDeadlines(limits, answer);
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, BYTES, new RequestStartWatch(deadlines));
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, DEADLINES, deadlines);
        }
    }
}

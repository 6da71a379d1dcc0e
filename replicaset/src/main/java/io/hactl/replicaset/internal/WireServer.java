package io.hactl.replicaset.internal;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoThreadFactory;
import de.bwaldvogel.mongo.wire.MongoDatabaseHandler;
import de.bwaldvogel.mongo.wire.MongoExceptionHandler;
import de.bwaldvogel.mongo.wire.MongoWireMessageEncoder;
import de.bwaldvogel.mongo.wire.MongoWireReplyEncoder;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * Serves a backend on the MongoDB wire protocol: mongo-java-server's encoders and command
 * handler, with this module's decoder ({@link WireDecoder}) and awaitable {@code hello}
 * ({@link AwaitableHello}) in front. mongo-java-server's own {@code MongoServer} fixes its channel
 * pipeline, hence this class.
 */
public final class WireServer {

    private final MongoBackend backend;
    private final TopologyVersion topology;
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new MongoThreadFactory("mongo-server-boss"));
    private final EventLoopGroup workers;
    private final ChannelGroup clients;
    private volatile Channel listening;

    /** @param workerThreads event-loop threads for client connections */
    public WireServer(MongoBackend backend, TopologyVersion topology, int workerThreads) {
        this.backend = backend;
        this.topology = topology;
        this.workers = new NioEventLoopGroup(workerThreads, new MongoThreadFactory("mongo-server-worker"));
        this.clients = new DefaultChannelGroup("mongodb-clients", workers.next());
    }

    public void bind(InetSocketAddress address) {
        listening = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 100).childOption(ChannelOption.TCP_NODELAY, Boolean.TRUE)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    channel.pipeline().addLast(new MongoWireReplyEncoder(), new MongoWireMessageEncoder(), new WireDecoder(),
                        new AwaitableHello(topology, backend), new MongoDatabaseHandler(backend, clients),
                        new MongoExceptionHandler());
                }
            }).bind(address).syncUninterruptibly().channel();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listening.localAddress();
    }

    /** Closes the listening socket: no new clients. */
    public void stopListening() {
        Channel channel = listening;
        if (channel != null) {
            channel.close().syncUninterruptibly();
            listening = null;
        }
    }

    /** Closes every client, stops the event loops and closes the backend. */
    public void shutdownNow() {
        stopListening();
        clients.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        backend.close();
    }
}

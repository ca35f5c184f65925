package io.execgate.peer.scg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** bench/run's peer: ExecGate's Skyvern retry as one Spring Cloud Gateway route ({@link SkyvernRetryRoute}). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PeerApplication {
    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }
}

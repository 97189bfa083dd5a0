package org.gatehouse.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged WAR on a Payara Micro started the way a deployer starts it: {@code java -jar
 * payara-micro.jar --deploy gatehouse.war}. For tests that must see the product with no test
 * configuration at all.
 */
public final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static PayaraProcess start(Path log, Map<String, String> environment, String... jvmOptions)
            throws IOException, InterruptedException {
        return start(log, environment, List.of("--nocluster"), jvmOptions);
    }

    /** Starts with the given Payara Micro options in place of {@code --nocluster}, e.g. a cluster mode. */
    public static PayaraProcess start(
            Path log, Map<String, String> environment, List<String> payaraOptions, String... jvmOptions)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of(
                "-jar",
                System.getProperty("payara.micro.jar", "target/payara-micro.jar"),
                "--deploy",
                System.getProperty("gatehouse.war", "target/gatehouse.war"),
                "--disablephonehome",
                "--port",
                Integer.toString(port)));
        command.addAll(payaraOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("GATEHOUSE_"));
        builder.environment().putAll(environment);
        PayaraProcess payara = new PayaraProcess(builder.start(), log, port);
        payara.awaitReady(Duration.ofMinutes(3));
        return payara;
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            String output = output();
            if (output.contains(") ready in ")) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start-up; see " + log);
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Payara Micro was not ready within " + timeout + "; see " + log);
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    public String baseUrl() {
        return "http://localhost:" + port + "/gatehouse/";
    }

    public int port() {
        return port;
    }

    /** Ends the server the hard way, as a crash or an out-of-memory kill would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

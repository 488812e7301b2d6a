package dev.handbook.cli;

import dev.handbook.pipeline.BuildOptions;
import dev.handbook.serve.DevServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Builds, serves the site on 127.0.0.1, rebuilds when content/ or theme/ change, reloads the browser.")
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8000", description = "port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int port;

    @Mixin
    SiteDirs dirs;

    @Option(names = "--pdf", description = "also print the PDF on every rebuild (slow)")
    boolean pdf;

    @Override
    public Integer call() throws Exception {
        BuildOptions options = new BuildOptions(dirs.content, dirs.theme, dirs.out, "", pdf, null, "a4");
        DevServer server = new DevServer(options, System.out);
        int bound = server.start(port);
        System.out.println("serving " + dirs.out + " on http://127.0.0.1:" + bound + "/ (Ctrl+C to stop)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (java.io.IOException e) {
                // stopping anyway
            }
        }));
        new CountDownLatch(1).await();
        return 0;
    }
}

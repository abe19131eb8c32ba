package dev.lab.engine.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.lab.engine.EngineException;
import java.util.concurrent.TimeUnit;

/** Makes sure an image is on the engine, pulling it when it is not; a missing image is one clear line. */
final class Images {
    private Images() {}

    static void ensure(DockerClient docker, String image) throws EngineException {
        try {
            docker.inspectImageCmd(image).exec();
            return;
        } catch (NotFoundException e) {
            // pull below
        }
        try {
            System.err.println("pulling " + image + " …");
            boolean done = docker.pullImageCmd(image).exec(new PullImageResultCallback()).awaitCompletion(10, TimeUnit.MINUTES);
            if (!done) throw new EngineException("pulling " + image + " did not finish in 10 minutes");
        } catch (RuntimeException e) {
            throw new EngineException("image " + image + " is not on this Docker engine and pulling it failed ("
                    + DockerClients.rootMessage(e) + "); build it locally (scripts/build-images.sh) or use --engine embedded", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while pulling " + image);
        }
    }
}

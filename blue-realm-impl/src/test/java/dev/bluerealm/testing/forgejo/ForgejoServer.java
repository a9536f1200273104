package dev.bluerealm.testing.forgejo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

public final class ForgejoServer {
    public static ForgejoApiDescription descriptionOrSkip() throws java.io.IOException {
        Optional<Path> p = ForgejoApiDescription.locate();
        assumeTrue(p.isPresent(), "Forgejo's swagger.v1.json is absent");
        return ForgejoApiDescription.load(p.get());
    }
}

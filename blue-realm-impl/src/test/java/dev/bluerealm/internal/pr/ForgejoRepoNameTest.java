package dev.bluerealm.internal.pr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForgejoRepoNameTest {
    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "https://git.example.com/acme/aperture.git, https://git.example.com, acme/aperture",
        "https://git.example.com/acme/aperture, https://git.example.com, acme/aperture",
        "https://eric@git.example.com/acme/aperture.git/, https://git.example.com/, acme/aperture",
        "https://GIT.example.com:443/acme/aperture.git, https://git.example.com, acme/aperture",
        "https://git.example.com/forge/acme/aperture.git, https://git.example.com/forge, acme/aperture",
        "http://127.0.0.1:3000/acme/aperture.git, http://127.0.0.1:3000, acme/aperture",
        "https://git.example.com/acme/aperture.git, https://git.example.com/forge, -",
        "https://other.example.com/acme/aperture.git, https://git.example.com, -",
        "http://127.0.0.1:3001/acme/aperture.git, http://127.0.0.1:3000, -",
        "https://git.example.com/acme/sub/aperture.git, https://git.example.com, -",
        "https://git.example.com/aperture.git, https://git.example.com, -",
        "git@git.example.com:acme/aperture.git, https://git.example.com, -",
        "file:///srv/git/aperture.git, https://git.example.com, -",
    })
    void of_cloneUrlOnTheForgesHostAndPath_namesOwnerAndRepo(String url, String forge, String expected) {
        assertEquals(Optional.ofNullable(expected), ForgejoRepoName.of(url, forge).map(ForgejoRepoName::toString));
    }
}

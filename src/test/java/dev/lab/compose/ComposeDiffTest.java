package dev.lab.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComposeDiffTest {

    @Test
    void equalTextsHaveNoDiff() {
        assertEquals(List.of(), ComposeDiff.unified("a", "x\ny\n", "b", "x\r\ny"));
    }

    @Test
    void showsChangedLinesWithContext() {
        String named = ComposeParserTest.NAMED_VOLUME;
        String noVolume = named.replace("      - localstack-data:/var/lib/localstack\n", "")
                .replace("      - PERSISTENCE=1\n", "      - PERSISTENCE=0\n");
        assertEquals(List.of(
                "--- named-volume.yml",
                "+++ no-volume.yml",
                "@@ -6,9 +6,8 @@",
                "       - \"127.0.0.1:4566:4566\"",
                "     environment:",
                "       - SERVICES=s3",
                "-      - PERSISTENCE=1",
                "+      - PERSISTENCE=0",
                "     volumes:",
                "-      - localstack-data:/var/lib/localstack",
                "       - ./init-scripts:/etc/localstack/init/ready.d",
                "     healthcheck:",
                "       test: [\"CMD\", \"curl\", \"-f\", \"http://localhost:4566/_localstack/health\"]"),
                ComposeDiff.unified("named-volume.yml", named, "no-volume.yml", noVolume));
    }

    @Test
    void separatesDistantChangesIntoHunks() {
        String a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
        String b = "one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n";
        assertEquals(List.of("--- a", "+++ b",
                "@@ -1,4 +1,4 @@", "-1", "+one", " 2", " 3", " 4",
                "@@ -10,3 +10,4 @@", " 10", " 11", " 12", "+13"), ComposeDiff.unified("a", a, "b", b));
    }

    @Test
    void handlesEmptySides() {
        assertEquals(List.of("--- a", "+++ b", "@@ -0,0 +1,2 @@", "+x", "+y"), ComposeDiff.unified("a", "", "b", "x\ny\n"));
        assertEquals(List.of("--- a", "+++ b", "@@ -1 +0,0 @@", "-x"), ComposeDiff.unified("a", "x", "b", ""));
    }
}

package dev.lab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

    private static List<String> words(String line) {
        return Tokens.split(line).stream().map(t -> t.operator() ? "<" + t.text() + ">" : t.text()).toList();
    }

    @Test
    void quotesEscapesAndOperators() {
        assertEquals(List.of("curl", "-X", "POST", "-F", "file=@test-image.jpg", "http://x"),
                words("curl -X POST -F \"file=@test-image.jpg\" http://x"));
        assertEquals(List.of("awslocal", "s3", "mb", "s3://b", "<||>", "true"), words("awslocal s3 mb s3://b || true"));
        assertEquals(List.of("docker", "logs", "blog-service", "<|>", "grep", "bucket"), words("docker logs blog-service | grep 'bucket'"));
        assertEquals(List.of("echo", "a b", "c\"d"), words("echo 'a b' \"c\\\"d\""));
        assertEquals(List.of("ls", "<&&>", "echo", "x"), words("ls && echo x # comment"));
        assertEquals(List.of("curl", "-w", "%{http_code}", "u"), words("curl -w \"%{http_code}\" u"));
    }

    @Test
    void rejectsUnterminatedQuotesAndBackgroundJobs() {
        assertThrows(ShellError.class, () -> Tokens.split("echo 'oops"));
        assertThrows(ShellError.class, () -> Tokens.split("echo \"oops"));
        assertThrows(ShellError.class, () -> Tokens.split("sleep 10 &"));
    }
}

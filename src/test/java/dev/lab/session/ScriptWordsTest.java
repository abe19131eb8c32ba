package dev.lab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The simple commands validate lints: quotes, operators, continuations, redirections, here-documents, comments, expansions. */
class ScriptWordsTest {
    @Test
    void splitsABlockIntoSimpleCommandsWithTheirLines() {
        var commands = ScriptWords.parse("""
                docker compose up -d 2>&1 >/dev/null && aws s3 ls 's3://b/a b' | grep -q x; echo "done"
                if ! awslocal s3 mb s3://b > out.txt; then echo failed; fi
                cat <<EOF > f.sh
                aws s3 inside-heredoc
                EOF
                aws s3 cp \\
                  f.sh s3://b/f.sh   # aws s3 in a comment
                X=1 aws s3 rm "s3://b/$KEY"
                out=$(aws s3 ls s3://b) || true
                """);
        assertEquals(List.of(
                "1 false [docker, compose, up, -d]",
                "1 false [aws, s3, ls, s3://b/a b]",
                "1 false [grep, -q, x]",
                "1 false [echo, done]",
                "2 false [awslocal, s3, mb, s3://b]",
                "2 false [echo, failed]",
                "2 false [fi]",
                "3 false [cat]",
                "6 false [aws, s3, cp, f.sh, s3://b/f.sh]",
                "8 true [aws, s3, rm, s3://b/$KEY]",
                "9 false [true]"),
                commands.stream().map(c -> c.line() + " " + c.dynamic() + " " + c.words()).toList());
    }
}

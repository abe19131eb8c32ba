package dev.lab.lab;

import java.util.List;

/** Lab texts shared by the tests. */
final class SampleLabs {

    /** A realistic Korean lab with two steps, editions, variants and every block kind. */
    static final String KOREAN = """
            ---
            lab: persistence
            title: LocalStack 데이터 영속성
            variants: { fixed: persistence/named-volume.yml, no-volume: persistence/no-volume.yml }
            ---
            # LocalStack 데이터 영속성

            컨테이너를 재시작해도 S3 객체가 남아 있는지 확인합니다.

            ```text
            labs/persistence/files/
            ```

            ## 1. 파일 업로드 {#upload variant=fixed}

            LocalStack에 **테스트 이미지**를 올립니다.

            | 항목 | 값 |
            |------|----|
            | 버킷 | `portal-blog-uploads` |

            ```bash {run}
            awslocal s3 mb s3://portal-blog-uploads
            # 업로드
            awslocal s3 cp files/test-image.jpg \\
              s3://portal-blog-uploads/abc-123.jpg
            ```

            ```check
            # 업로드 결과
            object portal-blog-uploads/abc-123.jpg exists
            [community] object portal-blog-uploads/abc-123.jpg missing
            ```

            ```hint
            `awslocal s3 ls`로 버킷을 확인하세요.
            ```

            ```bash {solve}
            awslocal s3 cp files/test-image.jpg s3://portal-blog-uploads/abc-123.jpg
            ```

            ```notes
            발표자: 볼륨이 없으면 재시작 후 사라집니다.
            ```

            ## 2. 재시작 후 확인 {#restart variant=no-volume expect=fail}

            ### 재시작

            ```bash {run expect=fail}
            curl -f http://localhost:4566/portal-blog-uploads/missing.jpg
            ```

            ```solve
            docker compose restart localstack
            ```

            ```check {edition=pro}
            object portal-blog-uploads/abc-123.jpg exists
            [community] container localstack running
            ```
            """;

    private SampleLabs() {
    }

    /** The 1-based line of the first line of {@link #KOREAN} that starts with {@code prefix}. */
    static int lineOf(String prefix) {
        List<String> lines = KOREAN.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starts with " + prefix);
    }
}

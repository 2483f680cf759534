package io.masthead.article;

/**
 * A permanent problem with an article: retrying will not help. Names the article (its key or
 * slug), the field and the problem, so the newsroom can fix it.
 */
public class ArticleException extends RuntimeException {
    private final String article;
    private final String field;
    private final String problem;

    public ArticleException(String article, String field, String problem) {
        this(article, field, problem, null);
    }

    public ArticleException(String article, String field, String problem, Throwable cause) {
        super(article + ": " + field + ": " + problem, cause);
        this.article = article;
        this.field = field;
        this.problem = problem;
    }

    public String article() { return article; }
    public String field() { return field; }
    public String problem() { return problem; }
}

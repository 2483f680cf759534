package io.masthead.article;

/** Whether an article is live; a withdrawn article is treated like a delete. */
public enum Status {
    PUBLISHED, WITHDRAWN
}

package io.collectflow.web;

/** The request body is not valid UTF-8 (answered with 422). */
public class NotUtf8Exception extends RuntimeException {

    public NotUtf8Exception() {
        super("The upload is not valid UTF-8 text; save the file as UTF-8 (e.g. Excel's 'CSV UTF-8') and upload it again");
    }
}

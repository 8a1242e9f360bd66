package io.collectflow.agency;

/** An agency with this code is already registered. */
public class AgencyExistsException extends RuntimeException {

    public AgencyExistsException(String code) {
        super("code: an agency with code " + code + " is already registered");
    }
}

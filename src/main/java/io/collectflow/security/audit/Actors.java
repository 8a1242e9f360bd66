package io.collectflow.security.audit;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in this thread: the logged-in user, else "anonymous" on a request, else "system". */
public final class Actors {

    private Actors() {
    }

    public static String current() {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null) {
            return "system";
        }
        return login instanceof AnonymousAuthenticationToken ? "anonymous" : login.getName();
    }
}

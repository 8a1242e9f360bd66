package io.collectflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Checks logins against Camunda's identity store; the user's groups become its authorities. Repeated failures
 * lock the user name ({@link LoginThrottle}).
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final LoginThrottle throttle;

    public CamundaIdentityAuthenticationProvider(IdentityService identityService, LoginThrottle throttle) {
        this.identityService = identityService;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        if (user == null || user.isBlank()) {
            throw new BadCredentialsException("Bad user name or password");
        }
        if (throttle.isLocked(user)) {
            throw new LockedException("Too many failed logins; try again later");
        }
        // false also while the engine has locked the user (loginDelay*/loginMaxAttempts)
        if (!identityService.checkPassword(user, password)) {
            throttle.failed(user);
            throw new BadCredentialsException("Bad user name or password");
        }
        throttle.succeeded(user);
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(user).list()
            .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
        return new UsernamePasswordAuthenticationToken(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

package io.collectflow.arrangement.profile;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the borrower 360° view (static/profile/index.html) at /profile/, the address the call and visit forms
 * link to ({@code /profile/?loan=...}); without it that address answered 404.
 */
@Configuration
public class ProfileWebConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/profile", "/profile/");
        registry.addViewController("/profile/").setViewName("forward:/profile/index.html");
    }
}

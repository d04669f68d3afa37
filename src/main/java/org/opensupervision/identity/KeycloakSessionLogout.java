package org.opensupervision.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Ends the user's Keycloak session from the server (Keycloak's logout endpoint with the client's credentials and the
 * refresh token). For the webapps' own logout button, an XHR that cannot follow a redirect to Keycloak: without this
 * the next page load would log the user in again through Keycloak's still-open session.
 */
@Component
@Profile("keycloak")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class KeycloakSessionLogout implements LogoutHandler {

    private static final Logger log = LoggerFactory.getLogger(KeycloakSessionLogout.class);

    private final OAuth2AuthorizedClientService authorizedClients;
    private final RestClient http = RestClient.create();

    KeycloakSessionLogout(OAuth2AuthorizedClientService authorizedClients) {
        this.authorizedClients = authorizedClients;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token)) {
            return;
        }
        String registrationId = token.getAuthorizedClientRegistrationId();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(registrationId, token.getName());
        if (client == null || client.getRefreshToken() == null) {
            return;
        }
        ClientRegistration registration = client.getClientRegistration();
        Object endSession = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("client_id", registration.getClientId());
        form.add("client_secret", registration.getClientSecret());
        form.add("refresh_token", client.getRefreshToken().getTokenValue());
        try {
            http.post().uri(String.valueOf(endSession)).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                    .retrieve().toBodilessEntity();
        } catch (RestClientException ex) {
            log.warn("Keycloak session of {} not ended: {}", token.getName(), ex.getMessage());
        }
        authorizedClients.removeAuthorizedClient(registrationId, token.getName());
    }
}

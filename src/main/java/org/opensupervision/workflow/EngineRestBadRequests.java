package org.opensupervision.workflow;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.exception.NotValidException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /engine-rest} answers a task completion that the model refuses for its input with 400, not 500. Camunda's
 * task resources ({@code /task/{id}/complete}, {@code /submit-form}, {@code /resolve}) turn every engine exception
 * but a form field validation into a 500 "Cannot complete task"; yet the validators of the task listeners say
 * what is wrong with the entry ({@link BadUserRequestException}: "请选择分办决定 …"), and a variable the model needs
 * but the request lacks fails the gateway's expression ({@code PropertyNotFoundException}). Those are the caller's
 * to fix: 400 with the same message. Everything else stays a 500, logged as Camunda logs it.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestBadRequests {

    @Bean
    ResourceConfigCustomizer engineRestInvalidInputIsABadRequest() {
        // Priority 1 puts it before Camunda's own mapper of RestException (registered without a priority).
        return config -> config.register(new InvalidInputMapper(), 1);
    }

    /** Camunda's answer to a {@link RestException}, with 400 where the cause is the caller's entry. */
    static final class InvalidInputMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
            if (exception.getStatus() != Response.Status.INTERNAL_SERVER_ERROR || !invalidInput(exception.getCause())) {
                return camunda.getResponse(exception);
            }
            ExceptionDto dto = camunda.fromException(exception);
            return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }

        static boolean invalidInput(Throwable cause) {
            for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof BadUserRequestException || t instanceof NotValidException
                        || t instanceof FormFieldValidationException
                        || t.getClass().getSimpleName().equals("PropertyNotFoundException")) {
                    return true;
                }
            }
            return false;
        }
    }
}

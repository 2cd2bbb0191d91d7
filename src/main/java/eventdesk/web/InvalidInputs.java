package eventdesk.web;

import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Optional;

/** Answers every {@link InvalidInput}: problem+json under /api, else the feature's form again. */
public class InvalidInputs {

    @Inject
    Lang lang;
    @Inject
    @Any
    Instance<FormPage> forms;

    @ServerExceptionMapper
    public Response refused(InvalidInput refused, HttpServerRequest request) {
        if (ErrorPages.isApi(request)) return refused.problem();
        for (FormPage form : forms) {
            Optional<TemplateInstance> page = form.formAgain(refused);
            if (page.isPresent()) {
                return Response.status(refused.pageStatus()).type(MediaType.TEXT_HTML_TYPE)
                        .entity(lang.page(page.get()).render()).build();
            }
        }
        Msg msg = lang.msg();
        return ErrorPages.page(refused.pageStatus(), msg.bad_request_title(), msg.bad_request_text(), lang.locale());
    }
}

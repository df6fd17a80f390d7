package io.jingling.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Every console login, and every refused one, goes into the audit log. */
@Component
class LoginAudit {

	private final AuditLog audit;

	LoginAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.audit.append(event.getAuthentication().getName(), AuditLog.Action.LOGIN, "console", "登录成功");
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		this.audit.append(event.getAuthentication().getName(), AuditLog.Action.LOGIN_FAILED, "console",
				event.getException().getClass().getSimpleName());
	}

}

package com.smartengage.dashboard;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.smartengage.dashboard.OperatorSessions.Operator;

/**
 * What every dashboard page's layout needs: the CSRF token of the operator's session, for
 * the forms and for the scripts' requests.
 */
@ControllerAdvice(basePackageClasses = DashboardModel.class)
class DashboardModel {

	@ModelAttribute("csrf")
	String csrf(HttpServletRequest request) {
		return request.getAttribute(OperatorSessions.OPERATOR_ATTRIBUTE) instanceof Operator operator
				? operator.csrfToken() : null;
	}

}

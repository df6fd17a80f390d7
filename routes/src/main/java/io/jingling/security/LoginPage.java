package io.jingling.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's login form at {@code /login}, in Chinese: it posts {@code username},
 * {@code password} and the CSRF token {@code _csrf} back to {@code /login}, where Spring
 * Security checks them.
 */
@Controller
class LoginPage {

	@GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String login(HttpServletRequest request) {
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		String notice = "";
		if (request.getParameter("throttled") != null) {
			notice = "<p class=\"notice\">此地址登录失败次数过多，请 10 分钟后再试。</p>";
		}
		else if (request.getParameter("error") != null) {
			notice = "<p class=\"notice\">用户名或密码不对，或账户因多次输错已暂时锁定，请稍后再试。</p>";
		}
		else if (request.getParameter("logout") != null) {
			notice = "<p class=\"notice\">已退出登录。</p>";
		}
		return """
				<!DOCTYPE html>
				<html lang="zh-CN">
				<head><meta charset="utf-8"><title>警铃 · 登录</title>
				<style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label{display:block;margin:.8rem 0}
				input{width:100%%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1.5rem}.notice{color:#b00}</style></head>
				<body>
				<h1>警铃 登录</h1>
				%s
				<form method="post" action="/login">
				<label>用户名 <input name="username" autocomplete="username" required autofocus></label>
				<label>密码 <input name="password" type="password" autocomplete="current-password" required></label>
				<input type="hidden" name="%s" value="%s">
				<button type="submit">登录</button>
				</form>
				</body>
				</html>
				"""
			.formatted(notice, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
	}

}

package dev.claraop.platform.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take a {@link ClaraPrincipal} parameter instead of reading the token itself: the
 * principal the request acts as, a delegated one included. A refused acting tenant is a 403 here too, so
 * a chain built by hand (without the platform's rule) still never hands a controller a principal for it.
 */
public class CurrentPrincipalResolver implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(ClaraPrincipal.class);
  }

  @Override
  public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
    return current(SecurityContextHolder.getContext().getAuthentication());
  }

  static ClaraPrincipal current(Authentication authentication) {
    if (authentication instanceof ClaraAuthentication clara) return clara.caller();
    // MockMvc's jwt() callers skip the converter: they act as themselves.
    if (authentication instanceof JwtAuthenticationToken token) {
      return ClaraJwtAuthenticationConverter.principal(token.getToken());
    }
    throw new AccessDeniedException("no bearer token");
  }
}

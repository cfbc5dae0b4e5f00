"""The admin's "Forgot password?" form, rate limited (home/ratelimit.py).

Each request for a reset e-mail counts against the client address and against the e-mail
address asked for, whether or not an account has it (so the answer never tells anyone
which addresses have accounts). Past either limit the form says what happened and when
to try again, with HTTP 429, and no e-mail is sent.
"""

import logging

from wagtail.admin.views.account import PasswordResetView

from . import ratelimit

logger = logging.getLogger(__name__)


class RateLimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        email = form.cleaned_data["email"].strip().lower()
        verdict = ratelimit.first_refusal(
            [
                ("password-reset-address", ratelimit.client_key(self.request)),
                ("password-reset-account", f"email:{email}"),
            ]
        )
        if verdict.allowed:
            return super().form_valid(form)
        logger.warning("Password reset refused: too many requests")
        form.add_error(
            None,
            "No e-mail has been sent. A password reset has already been asked for "
            f"{verdict.limit} times in {verdict.period_text} for this e-mail address or "
            "from this connection, which is as many as we allow. Please try again "
            f"{verdict.retry_text}. If you cannot wait, ask your school's website "
            "administrator to set a new password for you.",
        )
        response = self.form_invalid(form)
        response.status_code = 429
        response["Retry-After"] = str(verdict.retry_after_seconds)
        return response

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

LOGIN_FILE_NAME = "admin-login.txt"


class Command(BaseCommand):
    help = (
        "Create the first admin user if missing and print how to log in. Takes "
        "ADMIN_USERNAME, ADMIN_PASSWORD and ADMIN_EMAIL from the environment; without "
        "ADMIN_PASSWORD a password is generated and kept in the data folder."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("ADMIN_USERNAME", "admin")
        password = os.environ.get("ADMIN_PASSWORD", "")
        email = os.environ.get("ADMIN_EMAIL", "admin@example.com")
        login_file = settings.DATA_DIR / LOGIN_FILE_NAME
        user = User.objects.filter(username=username).first()

        if user is None:
            password = password or secrets.token_urlsafe(12)
            User.objects.create_superuser(username=username, email=email, password=password)
            if not os.environ.get("ADMIN_PASSWORD"):
                settings.DATA_DIR.mkdir(parents=True, exist_ok=True)
                login_file.write_text(f"username: {username}\npassword: {password}\n")
                login_file.chmod(0o600)
            self.stdout.write(self.style.SUCCESS(f"Created admin user '{username}'."))
        elif password:
            user.set_password(password)
            user.save(update_fields=["password"])
            self.stdout.write(f"Set the password of '{username}' from ADMIN_PASSWORD.")
        elif login_file.exists():
            password = login_file.read_text().split("password: ", 1)[-1].strip()

        # The address the server listens on (HOST and PORT, as `make run` passes them);
        # the login details come last, just before the server starts.
        serving = f"http://{settings.SERVE_HOST}:{settings.SERVE_PORT}"
        self.stdout.write(f"The site: {serving}/")
        self.stdout.write(f"Log in at {serving}/admin/")
        self.stdout.write(f"  username: {username}")
        if password:
            self.stdout.write(f"  password: {password}")
        else:
            self.stdout.write("  password: the one you set before (ADMIN_PASSWORD changes it)")

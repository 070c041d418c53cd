"""Re-encode uploaded avatars so only pixels we produced are ever served; remove old ones."""

import io
import uuid
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from rung.accounts.models import User

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
AVATAR_SIZE = 256
ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}


def avatar_from_upload(upload: UploadedFile) -> ContentFile:
    """Return a square WebP re-encoded from an upload, or raise ValidationError."""
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The image is larger than 5 MB."))
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise ValidationError(_("Upload a JPEG, PNG, GIF or WebP image."))
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."))
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as source:
            source.seek(0)
            upright = ImageOps.exif_transpose(source)
            square = ImageOps.fit(upright.convert("RGB"), (AVATAR_SIZE, AVATAR_SIZE))
            out = io.BytesIO()
            square.save(out, format="WEBP", quality=85)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(_("Upload a valid image: this file is not one.")) from None
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.webp")


def avatar_file_name(member_pk: int) -> str:
    """Return the stored avatar file name of a member as saved in the database."""
    return User.objects.filter(pk=member_pk).values_list("avatar", flat=True).first() or ""


def avatar_file_discard(name: str) -> None:
    """Delete an avatar file once the current transaction commits; a rollback keeps it."""
    if name:
        transaction.on_commit(partial(User._meta.get_field("avatar").storage.delete, name))

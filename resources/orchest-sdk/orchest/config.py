"""Configuration read from the environment at each access, not at import."""
import os


class _Config:
    __METADATA_SEPARATOR__ = "; "
    _RESERVED_UNNAMED_OUTPUTS_STR = "unnamed"

    @property
    def SESSION_UUID(self):
        return os.environ.get("ORCHEST_SESSION_UUID")

    @property
    def SESSION_TYPE(self):
        return os.environ.get("ORCHEST_SESSION_TYPE")

    @property
    def PROJECT_UUID(self):
        return os.environ.get("ORCHEST_PROJECT_UUID")

    @property
    def PIPELINE_UUID(self):
        return os.environ.get("ORCHEST_PIPELINE_UUID", "")

    @property
    def PIPELINE_DEFINITION_PATH(self):
        return os.environ.get("ORCHEST_PIPELINE_PATH", "/pipeline.json")

    @property
    def STEP_UUID(self):
        return os.environ.get("ORCHEST_STEP_UUID")

    @property
    def PROJECT_DIR(self):
        return os.environ.get("ORCHEST_DESKTOP_PROJECT_DIR", "/project-dir")

    @property
    def SESSION_FILE(self):
        return os.environ.get("ORCHEST_DESKTOP_SESSION_FILE", "/orchest/session/session.json")

    def get_step_data_dir(self, step_uuid):
        pipeline_dir = os.path.join(self.PROJECT_DIR, ".orchest", "pipelines", self.PIPELINE_UUID)
        return os.path.join(pipeline_dir, "data", step_uuid)


Config = _Config()

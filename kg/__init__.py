"""minsheng-kg: knowledge graphs from Chinese public-service documents."""

__version__ = "0.1.0"

"""Word, calendar and PDF documents written from agendas and sessions."""

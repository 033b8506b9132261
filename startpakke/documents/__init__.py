"""Word, calendar and PDF documents written from agendas and sessions.

The documents are built with python-docx on top of a Word template (`templates/startpakke.docx`),
not with a templating library such as docxtpl. The template holds only the look — page size
and margins, named styles, the header with the logo and the footer with the page number —
and the code writes all content by style name, so restyling is ordinary Word work (Hjem →
Stiler → Endre, Endre bilde for the logo) and nothing a person can do to the template breaks
the content. With docxtpl the template would also hold Jinja tags and loops inside tables,
which Word silently splits across runs and autocorrects (quotes, `&`), so a non-programmer
restyling it can break the document in ways only a programmer can find. Every style the code
uses is checked when a template is opened, and a missing one is a message naming it.

Modules: `contract` (nettverkskontrakt), `referat`, `handouts`, `runsheet` (kjøreplan),
`calendar` (.ics), `pdf` (LibreOffice), `template` (opening and checking templates),
`output` (atomic writes, Word lock files), `base` (the building blocks).
"""

"""The network's memory: every meeting of every network on this laptop, in one place.

Plain Python, no Textual. A network is the `network.id` its sessions share (set at the
founding meeting, carried by every follow-up; derived for older files, see `identity`).
Its sessions are the files in the data folder's `sessions/` plus those saved elsewhere
with `--session`, which are remembered by path (`recent`). `catalog` finds and groups them
and resolves a name typed on the command line; `history` reads the year out of them;
`rotation` proposes who has which role next; `files`, `lifecycle` and `privacy` are the
data's end: what is kept, anonymising, deleting and the retention date.
"""
